/**
 * WRN-16-4 (Zagoruyko &amp; Komodakis 2016) for 3x32x32 images with 10 classes, written in the DSL:
 * the model and its six residual blocks, one class per block input shape. It shows Lamina's
 * position on dropout inside residual blocks (docs/lints.md): compiled together, the model and its
 * blocks get no Lamina diagnostic.
 */
package dev.lamina.examples.models.cifar.wrn;
