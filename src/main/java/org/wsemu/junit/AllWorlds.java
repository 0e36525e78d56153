package org.wsemu.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Runs the test in all four worlds: each scheduling mode on the real network and on the simulated one. See {@link Worlds}. */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Worlds({World.WIN16_REAL, World.WIN32_REAL, World.WIN16_SIMULATED, World.WIN32_SIMULATED})
public @interface AllWorlds {}
