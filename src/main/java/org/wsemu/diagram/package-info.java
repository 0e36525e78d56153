/**
 * Sequence diagrams of any trace ({@link org.wsemu.diagram.SequenceDiagram}): Mermaid text and a
 * self-contained HTML page with inline SVG.
 */
package org.wsemu.diagram;
