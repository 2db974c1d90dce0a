/**
 * The speed benchmark: a generated Net against the same network written by hand with DJL blocks,
 * trained in one process on the same batches. A measuring tool that prints numbers, not a test.
 */
package dev.lamina.examples.benchmark;
