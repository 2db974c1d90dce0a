package dev.lamina.processor.model;

import dev.lamina.processor.diag.Origin;

/** {@code @Conv}: 2-D convolution with a square kernel. */
public record ConvSpec(String name, Origin origin, int filters, int kernel, int stride,
                       PaddingMode padding, int dilation, boolean bias) implements LayerSpec {
    @Override
    public String kind() {
        return "Conv";
    }
}
