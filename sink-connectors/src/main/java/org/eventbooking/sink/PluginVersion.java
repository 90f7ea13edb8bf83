package org.eventbooking.sink;

/** The plugin's version, from its jar manifest (Connect shows it in GET /connector-plugins). */
final class PluginVersion {

    private PluginVersion() {
    }

    static String get() {
        String version = PluginVersion.class.getPackage().getImplementationVersion();
        return version == null ? "unknown (not run from the plugin jar)" : version;
    }
}
