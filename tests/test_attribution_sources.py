"""Attribution of bodies, unnamed sources and interview labels; every sentence here is invented."""

from model.quotes import extract_quotes
from training.extraction_eval import same_speaker


def test_a_lone_q_label_is_the_interviewer(speaker_of):
    text = (
        "Excerpts from the briefing follow.\n\nQ: “Will the foreign minister travel to Minsk?”"
        "\n\nHan Yiwen: “We will release information on that in due course.”"
    )
    assert speaker_of(text, "Will the foreign") is None
    assert speaker_of(text, "We will release") == "Han Yiwen"


def test_counted_body_keeps_its_name_for_the_report(speaker_of):
    text = (
        "The 14-nation Arctic Shipping Observatory (ASO) said in its annual report that tanker "
        "traffic had doubled.\n\n“The shadow fleet now dominates the route,” the report said."
    )
    assert same_speaker(speaker_of(text, "The shadow fleet"), "the Arctic Shipping Observatory")


def test_a_full_stop_after_a_name_is_not_part_of_it(speaker_of):
    text = (
        "“The budget is a fiction,” Oh was quoted as saying by Rep. Lim Da-eun. Later that day "
        "the committee adjourned.\n\n“We will call the minister again,” Lim said."
    )
    assert speaker_of(text, "We will call") == "Lim Da-eun"


def test_a_government_official_is_an_unnamed_person(speaker_of):
    text = (
        "According to government sources, the patrol aircraft turned back near Hokkaido.\n\n"
        "“It was a rehearsal, nothing less,” a senior government official said."
    )
    assert speaker_of(text, "It was a rehearsal") is None


def test_the_role_after_an_unnamed_introduction_is_unnamed(speaker_of):
    text = (
        "Olga Brandt, a trade diplomat, said the talks had stalled.\n\nA second diplomat, who "
        "asked not to be named because the talks were private, said the draft had been "
        "rewritten twice.\n\n“Nobody wanted to sign first,” the diplomat said."
    )
    assert speaker_of(text, "Nobody wanted") is None


def test_the_role_of_a_named_person_after_an_unnamed_other(speaker_of):
    text = (
        "A Finnish official said the border would stay shut. Olga Brandt, a trade diplomat, "
        "said the talks had stalled.\n\n“Nobody wanted to sign first,” the diplomat said."
    )
    assert speaker_of(text, "Nobody wanted") == "Olga Brandt"


def test_a_newspaper_named_in_apposition_speaks_through_it(speaker_of):
    text = (
        "The Chinese embassy said ties were “normal.”\n\nThe North's party daily, the Minju "
        "Sinmun, ran a front-page commentary, which it said marked “a new chapter.”"
    )
    assert speaker_of(text, "a new chapter") == "the Minju Sinmun"


def test_a_sinmun_is_a_body_for_it(speaker_of):
    text = (
        "The Chinese embassy said ties were “normal.”\n\nPyongyang's Minju Sinmun carried a "
        "commentary hailing what it called the “eternal” friendship."
    )
    assert speaker_of(text, "eternal") == "Pyongyang's Minju Sinmun"


def test_the_account_came_from_the_next_sentence(speaker_of):
    text = (
        "“They came across the fields in daylight.” The account came from Taras Hlib, a platoon "
        "commander, speaking from Sumy.\n\n“Nobody told them about drones,” he said."
    )
    assert speaker_of(text, "They came across") == "Taras Hlib"
    assert speaker_of(text, "Nobody told") == "Taras Hlib"


def test_that_is_the_verdict_of(speaker_of):
    text = "“It is a group photo with four agendas.” That is the verdict of Mila Strand, a scholar."
    assert speaker_of(text, "It is a group") == "Mila Strand"


def test_an_unnamed_blogger_gushing(speaker_of):
    text = (
        "Tom Reyes, a senator, was scathing. A pro-Kremlin blogger, who writes for 300,000 "
        "followers, gushed that the troops were “fearless.”"
    )
    assert speaker_of(text, "fearless") is None


def test_a_team_is_a_body_and_its_report_speaks_for_it(speaker_of):
    text = (
        "The Joint Fisheries Monitoring Team, set up by six governments, has tried. Its first "
        "report described the catches as “systematic and large-scale.”"
    )
    assert speaker_of(text, "systematic") == "The Joint Fisheries Monitoring Team"


def test_an_official_of_the_ministry_speaks_for_the_ministry(speaker_of):
    text = (
        "The Ministry of Coastal Trade of Laos announced a new session.\n\nAn official of the "
        "ministry told reporters that exchanges “are steadily expanding.”"
    )
    assert speaker_of(text, "are steadily") == "The Ministry of Coastal Trade of Laos"


def test_it_went_on_after_a_statement_is_its_author(speaker_of):
    text = (
        "The spokesman for the Ministry of Fisheries of Laos issued a press statement on "
        "Sunday.\n\nPartners and critics reacted within hours.\n\nOne diplomat shrugged.\n\n"
        "The statement said the report was “a fabrication.”\n\nIt went on:\n\n“No one has the "
        "right to interfere.”"
    )
    assert same_speaker(speaker_of(text, "No one has"), "the Ministry of Fisheries of Laos")


def test_titles_and_headlines_are_not_quotes():
    text = (
        "Minsk hails ‘unbreakable’ Moscow alliance on treaty anniversary\n\n"
        "By Ola Berg\n\n"
        "The choir sang “The Banner of Friendship Flies Ever Higher” at the banquet, and the "
        "speaker of the assembly, Pavel Dorin, said the alliance was “unbreakable.”"
    )
    assert [q.quote for q in extract_quotes(text, "t")] == ["unbreakable."]


def test_a_short_quoted_paragraph_is_still_a_quote():
    text = "Asked about the deal, Ola Berg was brief.\n\n“We will sign it.”\n\nShe left."
    assert [q.quote for q in extract_quotes(text, "t")] == ["We will sign it."]


def test_that_was_how_in_the_next_paragraph(speaker_of):
    text = (
        "Advertisement\n\n“For seventy years they were the poor relative at the table.”\n\n"
        "That was how Tomas Wiater, a Polish diplomat, described the scene."
    )
    assert speaker_of(text, "For seventy years") == "Tomas Wiater"


def test_earlier_on_monday_before_the_issuer_of_a_statement(speaker_of):
    text = (
        "Earlier on Monday, the Kremlin press service released a statement on the units.\n\n"
        "“Their feat will be remembered,” the statement says."
    )
    assert speaker_of(text, "Their feat") == "the Kremlin press service"


def test_person_noun_before_a_name_and_an_age_apposition(speaker_of):
    text = (
        "In Nemuro, Hokkaido, fisherman Abe Tsutomu, 71, said he saw the jets.\n\n"
        "“I just want to fish,” he said.\n\nPresenter Ilya Sorin called it “a new era.”"
    )
    assert speaker_of(text, "I just want") == "Abe Tsutomu"
    assert speaker_of(text, "a new era") == "Ilya Sorin"


def test_party_label_between_commas_is_not_the_speaker(speaker_of):
    text = (
        "“Sanction every bank,” Rep. Dale Whitcombe, R-Ohio, a member of the Armed Services "
        "Committee, told reporters."
    )
    assert speaker_of(text, "Sanction every") == "Dale Whitcombe"


def test_quoted_with_an_apposition_as_saying(speaker_of):
    text = (
        "The agency quoted Ju Song-chol, a vice-minister of trade, as saying ties had reached "
        "“the highest stage.”"
    )
    assert speaker_of(text, "the highest") == "Ju Song-chol"


def test_lowercase_unnamed_source_after_the_quote(speaker_of):
    text = (
        "Kim Jong-un met Xi.\n\n“Kim stood next to Xi, and that is the story,” one Western "
        "diplomat in Beijing told me, asking not to be named."
    )
    assert speaker_of(text, "Kim stood") is None


def test_a_split_quote_around_a_book_title_keeps_its_speaker(speaker_of):
    text = (
        "“Beijing has decided to live with it,” said Nam Ki-won, author of “The Hermit and the "
        "Dragon: A History.” “The word has quietly disappeared.”"
    )
    assert speaker_of(text, "The word has") == "Nam Ki-won"


def test_carried_by_names_the_carrier_only_without_an_author(speaker_of):
    carried = (
        "In a statement carried by the state news agency, the Laotian trade ministry said the "
        "deal was “lawful.”\n\n“No force can shake it,” the statement said."
    )
    assert speaker_of(carried, "No force") == "the Laotian trade ministry"
    own = "A commentary carried by the Laotian News Agency described the drills as “a cheap trick.”"
    assert speaker_of(own, "a cheap") == "the Laotian News Agency"


def test_a_bare_body_name_takes_its_fuller_earlier_form(speaker_of):
    text = (
        "The Russian Security Council met on Friday.\n\nThe Security Council published a "
        "readout. It described the deployment as “brotherly help.”"
    )
    assert same_speaker(speaker_of(text, "brotherly"), "Russian Security Council")


def test_professor_of_a_university_and_a_prefecture_are_not_people(speaker_of):
    text = (
        "Professor Hara Yumi of Kitami University told reporters the timing was no accident.\n\n"
        "“This is a message,” she said.\n\nIn Rumoi, Hokkaido Prefecture, the mood was calm.\n\n"
        "“We hear the planes,” he said."
    )
    assert speaker_of(text, "This is a message") == "Hara Yumi"
    assert speaker_of(text, "We hear") != "Hokkaido Prefecture"
