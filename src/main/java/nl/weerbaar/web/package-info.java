/**
 * Web: the app shell (layout, navigation, language), error pages, and what every module's web package shares.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web shell")
package nl.weerbaar.web;
