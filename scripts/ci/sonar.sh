#!/usr/bin/env bash
# CI stage SonarQube: analysis with the coverage of the test stages, then waits for the quality gate
# and fails when it is red. Needs SONAR_HOST_URL and SONAR_TOKEN (Jenkins: withSonarQubeEnv).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
: "${SONAR_HOST_URL:?set SONAR_HOST_URL (the SonarQube server)}"
: "${SONAR_TOKEN:?set SONAR_TOKEN (a SonarQube analysis token)}"
mvn -B org.sonarsource.scanner.maven:sonar-maven-plugin:sonar \
  -Dsonar.projectKey=event-booking-platform \
  -Dsonar.host.url="$SONAR_HOST_URL" -Dsonar.token="$SONAR_TOKEN" \
  -Dsonar.coverage.jacoco.xmlReportPaths='**/target/site/jacoco/jacoco.xml,**/target/site/jacoco-it/jacoco.xml' \
  -Dsonar.qualitygate.wait=true -Dsonar.qualitygate.timeout=600
