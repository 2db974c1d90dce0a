/**
 * Example models written in the Lamina DSL. {@link dev.lamina.examples.models.FashionCnn} is the
 * model of the DSL guide; the rest are the dropout experiment's family for 28x28x1 images
 * (Fashion-MNIST, MNIST): one shared conv backbone
 * (conv16-conv16-maxpool-conv32-conv32-maxpool-flatten-dense128-dense10, ReLU) in which only
 * the regularization differs, plus seed article 001's two MNIST models. The processor generates a
 * {@code <Name>Net} class next to each one. The same family for 32x32x3 images (CIFAR-10/100)
 * lives in {@link dev.lamina.examples.models.cifar}.
 */
package dev.lamina.examples.models;
