/**
 * Lamina on Apache Spark: the experiment's sweep as Spark tasks ({@link
 * dev.lamina.spark.SparkSweep}, one task per (model, seed) run, each training with the same code
 * as the sequential run) and batch prediction over image collections ({@link
 * dev.lamina.spark.SparkPrediction}, Parquet and CSV). Spark is {@code provided}: a cluster
 * brings its own, and {@code ./lamina} adds {@code spark/target/lamina-spark/jars} for local mode
 * (docs/scale-out.md).
 */
package dev.lamina.spark;
