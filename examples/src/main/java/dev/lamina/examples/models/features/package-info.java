/**
 * The bodies of the experiment models: every layer but the classifier, declared once. They declare
 * no {@code @Model(input)}, so each takes its input shape from the model that uses it: the 1x28x28
 * family in {@link dev.lamina.examples.models}, the 3x32x32 families in
 * {@link dev.lamina.examples.models.cifar} (10 classes) and
 * {@link dev.lamina.examples.models.cifar100} (100 classes) each inline one and add a
 * {@code @Dense} layer of their class count.
 */
package dev.lamina.examples.models.features;
