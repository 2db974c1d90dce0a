/**
 * The dropout experiment's model family for 32x32x3 images (CIFAR-10). Same simple names, same
 * backbone and regularization as {@link dev.lamina.examples.models}, only the input shape differs.
 * Each class is its layers from {@link dev.lamina.examples.models.features} plus 10 logits. The
 * experiment picks this package when the dataset has 3x32x32 images; CIFAR-100 is served by {@link
 * dev.lamina.examples.models.cifar100}.
 */
package dev.lamina.examples.models.cifar;
