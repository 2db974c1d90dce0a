/** The IDX file format of MNIST and Fashion-MNIST, and their four-file directory layout. */
package dev.lamina.runtime.data.idx;
