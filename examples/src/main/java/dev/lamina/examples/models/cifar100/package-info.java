/**
 * The dropout experiment's model family for CIFAR-100 (32x32x3 images, 100 classes): the layers of
 * {@link dev.lamina.examples.models.features}, as in {@link dev.lamina.examples.models.cifar},
 * with 100 logits. The class count is part of the compile-time model, so it needs its own classes.
 */
package dev.lamina.examples.models.cifar100;
