/**
 * Reporting: findings printed through javac's Messager on the exact annotation and attribute
 * value, source positions for the SARIF log, and processor option checking.
 */
package dev.lamina.processor.report;
