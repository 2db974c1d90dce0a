/** The binary file format of CIFAR-10 and CIFAR-100, and their directory layouts. */
package dev.lamina.runtime.data.cifar;
