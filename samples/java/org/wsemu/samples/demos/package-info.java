/**
 * The catalogue of runnable reentrancy demonstrations ({@link org.wsemu.samples.demos.Demonstrations}):
 * small programs written the way Win16 and Win32 programs were, each showing one rule of Windows
 * Sockets 1.1 and its pseudo-blocking model, deterministic on the simulated network in Win16 mode.
 * {@code wsemu demo --list} lists them; docs/demonstrations.md explains each with its diagram.
 */
package org.wsemu.samples.demos;
