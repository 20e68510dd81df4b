from training.benchmark import collect_quotes, matmul_gflops, run_benchmark


def test_benchmark_reports_speed_ratios_and_memory(trained_run, corpus):
    articles, _ = corpus
    result = run_benchmark(trained_run, [str(articles)], n_quotes=24)
    assert result["quotes"] == 24
    for key in (
        "naive_pipeline_quotes_per_s",
        "quotestance_quotes_per_s",
        "speedup_vs_naive",
        "int8_quotes_per_s",
        "matmul_gflops",
        "fraction_of_matmul_peak",
        "predict_peak_rss_mb",
    ):
        assert result[key] > 0, key
    assert 0 <= result["int8_agreement_with_fp32"] <= 1


def test_quotes_are_cycled_to_the_requested_count(corpus):
    articles, _ = corpus
    assert len(collect_quotes([str(articles)], 500)) == 500
    assert matmul_gflops(size=64, repeats=2) > 0
