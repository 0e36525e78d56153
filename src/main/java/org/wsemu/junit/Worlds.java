package org.wsemu.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the annotated method once per world, in the order given, each run with its own emulator,
 * network and trace recorder and the world as its display name. {@link AllWorlds},
 * {@link Win16Worlds} and {@link SimulatedWorlds} name the usual sets. {@link WsemuTest} on the
 * method or class sets the other attributes.
 */
@Documented
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@TestTemplate
@ExtendWith(WsemuExtension.class)
public @interface Worlds {
  /** The worlds, at least one. */
  World[] value();
}
