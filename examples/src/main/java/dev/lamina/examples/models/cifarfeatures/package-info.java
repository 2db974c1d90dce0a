/**
 * The layers of the CIFAR experiment models up to, not including, the classifier. CIFAR-10 and
 * CIFAR-100 images have the same shape (3x32x32) and the models differ only in their logits (10 or
 * 100), so {@link dev.lamina.examples.models.cifar} and {@link dev.lamina.examples.models.cifar100}
 * each inline one of these as a sub-model and add a {@code @Dense} layer of their class count.
 */
package dev.lamina.examples.models.cifarfeatures;
