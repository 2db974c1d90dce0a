/**
 * Example models of the tasks beyond multi-class (docs/tasks.md), trained on data made from
 * Fashion-MNIST by {@code lamina task-data}: {@link ShirtOrTop} (binary: Shirt against
 * T-shirt/top), {@link FashionTags} (multi-label: footwear, upper body, has sleeves) and {@link
 * RotationAngle} (regression: the angle an image was rotated by). They share one small conv body
 * and differ in their output and {@code @Model(task)}; they are named by their qualified class
 * name on the command line.
 */
package dev.lamina.examples.models.tasks;
