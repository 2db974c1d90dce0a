package dev.lamina.processor.model;

/** Max or average pooling. */
public enum PoolType {
    MAX,
    AVG
}
