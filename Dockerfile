# peta in a container, from Debian 12 packages only (README, "Packages"). Two stages:
#   build:   compiles peta (no tests, no benchmarks) and makes the Debian package with CPack;
#   runtime: debian:12 with that .deb installed by apt (which pulls its declared runtime dependencies).
#   docker build -t peta .
#   docker run --rm -v "$PWD:/data" peta build examples/probolinggo/project.json
#   docker run --rm -p 8080:8080 -v "$PWD:/data" peta serve examples/probolinggo/project.json --host 0.0.0.0
# The project's paths are resolved inside the container: mount the folder that holds the project file and its
# boundaries (e.g. the parent folder of this repository and shared/, with -w to the project).
FROM debian:12 AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends \
      build-essential cmake ninja-build pkg-config file \
      libgdal-dev libgeos-dev libproj-dev libboost-dev nlohmann-json3-dev libcli11-dev libcpp-httplib-dev \
      libssl-dev zlib1g-dev libcairo2-dev libpango1.0-dev libxxhash-dev \
      libjs-leaflet \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
# The web map's Leaflet from Debian's libjs-leaflet (1.7) instead of npm (1.9, what `npm ci` installs for
# development). The browser test (web/test) runs against npm's; check the map page after a Leaflet change.
RUN mkdir -p web/node_modules/leaflet/dist \
 && cp /usr/share/javascript/leaflet/leaflet.js /usr/share/javascript/leaflet/leaflet.css web/node_modules/leaflet/dist/
RUN cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DPETA_BUILD_TESTS=OFF -DPETA_BUILD_BENCHMARKS=OFF \
 && cmake --build build --target peta peta_library \
 && cd build && cpack -G DEB

FROM debian:12
COPY --from=build /src/build/peta_*_amd64.deb /tmp/
RUN apt-get update \
 && apt-get install -y --no-install-recommends /tmp/peta_*_amd64.deb fonts-dejavu-core \
 && rm -rf /var/lib/apt/lists/* /tmp/peta_*_amd64.deb
WORKDIR /data
EXPOSE 8080
ENTRYPOINT ["peta"]
CMD ["--help"]
