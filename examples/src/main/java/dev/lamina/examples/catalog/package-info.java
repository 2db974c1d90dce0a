/**
 * Finding models by name: {@code ExampleNets} lists the example models as typed handles of their
 * generated Nets ({@code <Name>Net.NET}), so a missing or renamed model is a compile error;
 * {@link dev.lamina.examples.catalog.ModelCatalog} maps a name typed on the command line to one
 * of them, or a qualified class name to its {@code NET} ({@link dev.lamina.runtime.LaminaNet#of}).
 */
package dev.lamina.examples.catalog;
