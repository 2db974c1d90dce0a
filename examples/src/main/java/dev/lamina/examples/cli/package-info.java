/**
 * The {@code lamina} command line (picocli): {@code train}, {@code eval}, {@code summary},
 * {@code experiment} and {@code benchmark}. Commands parse and report; the work is done in
 * {@link dev.lamina.examples.experiment} and {@link dev.lamina.examples.benchmark}.
 */
package dev.lamina.examples.cli;
