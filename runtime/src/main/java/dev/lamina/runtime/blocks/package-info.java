/**
 * DJL blocks the generated {@code <Name>Net} classes are built from, for what DJL does not offer
 * directly: a sequential block with readable child names, channel-wise (spatial) dropout that
 * honours the training flag, and a residual connection.
 */
package dev.lamina.runtime.blocks;
