/**
 * Shared kernel: the few value types every module may use; depends on nothing.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Shared", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package nl.weerbaar.shared;
