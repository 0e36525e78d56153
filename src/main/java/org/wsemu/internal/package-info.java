/**
 * What the emulator's own packages share and programs do not use: annotations for its threading
 * contracts ({@link org.wsemu.internal.GuardedBy}).
 */
package org.wsemu.internal;
