/**
 * The emulator: {@link org.wsemu.Emulator} builds one emulated Windows machine and wires its
 * layers (kernel, USER, Windows Sockets, network) together. It is the one class that knows them
 * all, and nothing else in wsemu depends on this package.
 *
 * <p>Start here: build an emulator with {@link org.wsemu.Emulator#builder()}, create tasks, and
 * call the functions of {@link org.wsemu.Emulator#user()} and {@link org.wsemu.Emulator#winsock()}
 * from them.
 */
package org.wsemu;
