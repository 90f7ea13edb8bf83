package org.eventbooking.gateway.http.api;

import java.util.List;

/** A list response: {@code {items, next}}, {@code next} the cursor of the following page or null. */
public record Page<T>(List<T> items, String next) {
}
