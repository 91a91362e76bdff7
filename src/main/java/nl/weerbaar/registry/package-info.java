/**
 * Registry: public bodies (municipalities, provinces, water boards); later office holders, their terms and home front.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Registry")
package nl.weerbaar.registry;
