/**
 * Finding models by name: the generated {@code <Name>Net} classes are looked up by reflection, so
 * the CLI refers to no generated type at compile time and lists what is actually available.
 */
package dev.lamina.examples.catalog;
