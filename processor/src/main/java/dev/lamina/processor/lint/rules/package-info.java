/**
 * The placement rules, one class each; {@link dev.lamina.processor.lint.Rules} registers them.
 * docs/lints.md documents every rule (what, why with sources, bad and good model).
 */
package dev.lamina.processor.lint.rules;
