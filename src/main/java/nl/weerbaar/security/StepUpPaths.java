package nl.weerbaar.security;

import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Requests that need a factor shown within the last ten minutes (step-up) on top of their access rule: exports,
 * a home address, administrators' changes. Modules declare them as beans. A page then asks the person to confirm
 * with their factor and returns; the API answers 403 with problem type {@link #PROBLEM_TYPE}. A personal access
 * token never passes.
 */
@FunctionalInterface
public interface StepUpPaths {

	String PROBLEM_TYPE = "urn:weerbaar:problem:step-up-required";

	RequestMatcher matcher();
}
