# The two commands of the README:
#   make run   - install what is missing, build, run config/seeds.toml, print a summary
#   make test  - install what is missing, build, run the whole test suite (ctest)
# Other targets: deps, configure, build, clean.

BUILD_DIR ?= build
BUILD_TYPE ?= Release
JOBS ?= $(shell nproc 2>/dev/null || echo 2)

# Debian 12 packages the build and the tests need.
DEB_PACKAGES := build-essential cmake pkg-config \
  libboost-dev libboost-filesystem-dev libtomlplusplus-dev libpoco-dev \
  libgtest-dev libgmock-dev libsqlite3-dev libxxhash-dev sqlite3 \
  iso-codes libgumbo-dev libsimdjson-dev libxml2-dev zlib1g-dev \
  clang libclang-rt-14-dev libhowardhinnant-date-dev \
  libconcurrentqueue-dev libssl-dev openssl librdkafka-dev libpqxx-dev libpq-dev postgresql \
  liblua5.4-dev libpcre2-dev \
  man-db zsh fish

# CI builds with warnings as errors.
ifeq ($(CI),true)
CMAKE_FLAGS += -DSLUICE_WERROR=ON
endif

.PHONY: run test bench bench-peers deps configure build clean train-ner check-ner-model

# Running needs only the CLI and the plugins (target `runtime`); the tests
# are compiled by `make test`.
run: configure
	cmake --build $(BUILD_DIR) -j $(JOBS) --target runtime
	@mkdir -p out
	./$(BUILD_DIR)/bin/sluice run config/seeds.toml
	@echo
	@echo "Outputs:"
	@echo "  out/seeds.jsonl  $$(wc -l < out/seeds.jsonl) article(s), one JSON object per line"
	@echo "  out/sluice.db    $$(sqlite3 out/sluice.db 'SELECT count(*) FROM articles') row(s) in table articles (FTS5 index articles_fts)"
	@sqlite3 -separator ' | ' out/sluice.db \
	  "SELECT published, substr(caption, 1, 50) || '...', credit FROM articles ORDER BY published" \
	  | sed 's/^/  /'

test: build
	cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS)

# The end-to-end benchmark (bench/README.md): builds, then prints the table
# and the targets. Sizes: make bench BENCH_SIZES="20000 200000" (the
# default); a quick smoke run: make bench BENCH_SIZES=2000.
bench: build
	cmake --build $(BUILD_DIR) -j $(JOBS) --target bench_tools
	bench/run_bench.sh $(BUILD_DIR)

# The English NER model of the `entities` enricher
# (plugins/enricher/entities/README.md): `make train-ner` retrains it from
# the training data (default ../shared/data/ner, or NER_DATA=DIR) and
# rewrites the committed model; `make check-ner-model` retrains into the
# build folder and compares the bytes (skipped without the data).
NER_DATA ?= ../shared/data/ner
NER_MODEL := plugins/enricher/entities/model/ner_en.bin

train-ner: configure
	cmake --build $(BUILD_DIR) -j $(JOBS) --target sluice-ner-train
	./$(BUILD_DIR)/bin/sluice-ner-train --data $(NER_DATA) --out $(NER_MODEL)

check-ner-model: configure
	@if [ ! -f $(NER_DATA)/wikigold/train.txt ]; then echo "check-ner-model: no $(NER_DATA): skipped"; exit 0; fi; \
	cmake --build $(BUILD_DIR) -j $(JOBS) --target sluice-ner-train && \
	./$(BUILD_DIR)/bin/sluice-ner-train --data $(NER_DATA) --out $(BUILD_DIR)/ner_en.retrained.bin > /dev/null && \
	cmp $(BUILD_DIR)/ner_en.retrained.bin $(NER_MODEL) && sha256sum $(BUILD_DIR)/ner_en.retrained.bin $(NER_MODEL)

# rsyslog and syslog-ng on the benchmark corpus, alternated with sluice's
# minimal chain (bench/README.md). Fetches both from Debian with apt-get
# (unpacked under build/peers: the two packages conflict with each other).
bench-peers: build
	cmake --build $(BUILD_DIR) -j $(JOBS) --target bench_tools
	bench/peers/install_peers.sh $(BUILD_DIR)/peers
	bench/peers/run_peers.sh $(BUILD_DIR)

# Installs missing packages when run as root; otherwise prints the exact
# command to run and stops.
deps:
	@missing=""; \
	for p in $(DEB_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'install ok installed' || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "Installing:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	  else \
	    echo "Missing packages. Run as root:"; \
	    echo "  apt-get update && apt-get install -y$$missing"; \
	    exit 1; \
	  fi; \
	fi

configure: deps
	cmake -S . -B $(BUILD_DIR) -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) $(CMAKE_FLAGS)

build: configure
	cmake --build $(BUILD_DIR) -j $(JOBS)

clean:
	rm -rf $(BUILD_DIR) out var
