package dev.lamina;

/** Spatial padding of convolutions and pools. */
public enum Padding {
    /** Pad so that height and width are kept at stride 1 (output = ceil(input / stride)). */
    SAME,
    /** No padding: output = floor((input - dilation * (kernel - 1) - 1) / stride) + 1. */
    VALID
}
