package com.example.model;

import dev.lamina.Layer;
import dev.lamina.Model;

/** Feeds Body a vector, which its first convolution cannot take: an error here and on Body. */
@Model(input = {16})
public class Vectors {
    Body body;
}
