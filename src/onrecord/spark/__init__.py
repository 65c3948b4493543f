"""The Spark job for corpora that outgrow one machine (:mod:`onrecord.spark.job`)."""
