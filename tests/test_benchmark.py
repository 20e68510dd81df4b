from training.benchmark import VARIANTS, collect_quotes, matmul_gflops, run_benchmark


def test_benchmark_reports_speed_ratios_and_memory(trained_run, corpus):
    articles, _ = corpus
    result = run_benchmark(trained_run, [str(articles)], n_quotes=24, repeats=2)
    assert result["quotes"] == 24
    for key in (
        "naive_pipeline_quotes_per_s",
        "matmul_gflops",
        "fp32_fraction_of_matmul_peak",
        "predict_peak_rss_mb",
    ):
        assert result[key] > 0, key
    for label, _ in VARIANTS:
        assert result[label]["quotes_per_s"] > 0, label
        assert result[label]["speedup_vs_naive"] > 0, label
        slowest, fastest = result[label]["range"]
        assert slowest <= result[label]["quotes_per_s"] <= fastest, label
        if label != "fp32":
            assert 0 <= result[label]["agreement_with_fp32"] <= 1
            assert -1 <= result[label]["test_macro_f1_change"] <= 1


def test_quotes_are_cycled_to_the_requested_count(corpus):
    articles, _ = corpus
    assert len(collect_quotes([str(articles)], 500)) == 500
    assert matmul_gflops(size=64, repeats=2) > 0
