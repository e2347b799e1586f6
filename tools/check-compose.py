#!/usr/bin/env python3
"""Checks docker-compose.yml against what the code really has.

`docker-compose config` validates the file's syntax and types; it cannot know whether a command
is one of our executables or whether the code reads an environment variable. This script
checks that, reading the facts from the sources:

- every Hyte service's command (first word of `entrypoint`, else of `command`) is an
  executable product of Package.swift (`.executable(name: "…"`);
- every `HYTE_*` variable set in a service's environment is one the code reads (the string
  literals "HYTE_…" in Packages/**/*.swift and Services/**/*.swift, test folders excepted), and
  every `HYTE_*_MS` value is a positive whole number;
- the bus is wired: the broker binds all interfaces, every other Hyte process names the
  broker's service and port in HYTE_BUS (without it a process would try its own loopback);
- every health check of a Hyte service runs `hyte ping SERVICE` with `broker` or a service name
  of the bus (`enum ServiceName` in Packages/Model), and the one that the container runs;
- storage on SQLite runs exactly one replica and keeps its database on a volume;
- named volumes are declared, `depends_on` targets exist (and are healthy-checkable when the
  condition asks for it, and not hidden behind a profile), build contexts have their Dockerfile.

Then, if `docker-compose` (or the `docker compose` plugin) is installed, it runs
`docker-compose -f FILE config -q` and reports the result; without it, that step is skipped.

Usage: python3 tools/check-compose.py [COMPOSE_FILE] [--root REPO_ROOT]
Exit status: 0 no problems, 1 problems found, 2 the check itself could not run.
"""

import argparse
import os
import re
import shlex
import shutil
import subprocess
import sys

try:
    import yaml
except ImportError:
    print(
        "check-compose: the Python module 'yaml' (PyYAML) is missing; install it with "
        "`python3 -m pip install pyyaml` or `apt-get install python3-yaml`, then run again",
        file=sys.stderr,
    )
    sys.exit(2)


BROKER_PRODUCT = "hyte-broker"
STORAGE_PRODUCT = "hyte-storage"
CLI_PRODUCT = "hyte"
# Options of `hyte ping` that take a value (the shared configuration flags and timeouts).
VALUE_OPTIONS = {
    "--bus", "--data-dir", "--database-url", "--heartbeat-ms", "--queue-expiry-ms",
    "--log-level", "--log-format", "--timeout", "--timeout-ms", "--retries",
}
DEPENDS_CONDITIONS = {"service_started", "service_healthy", "service_completed_successfully"}
DEFAULT_BUS = "tcp://127.0.0.1:5570"


class CheckError(Exception):
    """The check cannot run (a source file is missing or unreadable)."""


# ---------------------------------------------------------------------------------------------
# Facts from the code
# ---------------------------------------------------------------------------------------------

def read_products(root):
    """Executable products declared in Package.swift."""
    path = os.path.join(root, "Package.swift")
    try:
        text = open(path, encoding="utf-8").read()
    except OSError as error:
        raise CheckError(f"cannot read {path}: {error.strerror}")
    products = set(re.findall(r'\.executable\(\s*name:\s*"([^"]+)"', text))
    if not products:
        raise CheckError(f"{path} declares no `.executable(name: …)` product")
    return products


def swift_files(root, folders):
    """Swift sources under the given folders, without build output, hidden and test folders."""
    for folder in folders:
        top = os.path.join(root, folder)
        for directory, subdirectories, files in os.walk(top):
            subdirectories[:] = sorted(
                name for name in subdirectories
                if not name.startswith(".") and name != "Tests" and not name.endswith("Tests")
            )
            for name in sorted(files):
                if name.endswith(".swift"):
                    yield os.path.join(directory, name)


def read_environment_names(root):
    """HYTE_* names that appear as whole string literals in the sources."""
    names = set()
    for path in swift_files(root, ["Packages", "Services"]):
        with open(path, encoding="utf-8", errors="replace") as file:
            names.update(re.findall(r'"(HYTE_[A-Z0-9_]+)"', file.read()))
    if not names:
        raise CheckError("found no \"HYTE_…\" string literal under Packages/ or Services/")
    return names


def read_bus_services(root):
    """Service names of the bus: the string constants of `enum ServiceName` in Model."""
    for path in swift_files(root, [os.path.join("Packages", "Model")]):
        text = open(path, encoding="utf-8", errors="replace").read()
        match = re.search(r"\benum\s+ServiceName\b[^{]*\{", text)
        if not match:
            continue
        depth, end = 1, match.end()
        while depth and end < len(text):
            depth += {"{": 1, "}": -1}.get(text[end], 0)
            end += 1
        names = set(re.findall(r'static\s+let\s+\w+\s*(?::\s*String\s*)?=\s*"([^"]+)"', text[match.end():end]))
        if names:
            return names
    raise CheckError("found no `enum ServiceName` with service names under Packages/Model")


# ---------------------------------------------------------------------------------------------
# Reading the compose file
# ---------------------------------------------------------------------------------------------

def words(value):
    """A command as a list of words: compose accepts a list or a shell-like string."""
    if value is None:
        return []
    if isinstance(value, list):
        return [str(word) for word in value]
    try:
        return shlex.split(str(value))
    except ValueError:
        return str(value).split()


def environment_of(service, base_directory):
    """The environment a service sets: its `env_file`s, then its `environment` (list or map)."""
    result = {}
    env_files = service.get("env_file") or []
    if isinstance(env_files, (str, dict)):
        env_files = [env_files]
    for entry in env_files:
        path = entry.get("path") if isinstance(entry, dict) else entry
        path = os.path.join(base_directory, str(path))
        if not os.path.isfile(path):
            continue  # docker-compose config reports a missing file
        for line in open(path, encoding="utf-8", errors="replace"):
            line = line.strip()
            if line and not line.startswith("#"):
                key, _, value = line.partition("=")
                result[key.strip()] = value.strip()
    environment = service.get("environment") or {}
    if isinstance(environment, dict):
        for key, value in environment.items():
            result[str(key)] = None if value is None else str(value)
    elif isinstance(environment, list):
        for item in environment:
            key, separator, value = str(item).partition("=")
            result[key] = value if separator else None
    return result


def resolved(value):
    """A value with `${NAME:-default}` / `${NAME-default}` replaced by the default (as when NAME
    is unset); None if another interpolation remains."""
    if value is None:
        return None
    value = re.sub(r"\$\{[A-Za-z_][A-Za-z0-9_]*:?-([^}]*)\}", r"\1", value)
    return None if "$" in value.replace("$$", "") else value.replace("$$", "$")


def parse_tcp(endpoint):
    """(host, port) of a tcp:// endpoint, or None."""
    match = re.fullmatch(r"tcp://(\[[^\]]+\]|[^:/]+):(\d+|\*)", endpoint or "")
    return (match.group(1), match.group(2)) if match else None


# ---------------------------------------------------------------------------------------------
# The checks
# ---------------------------------------------------------------------------------------------

class Checker:
    def __init__(self, compose, compose_path, products, environment_names, bus_services):
        self.compose = compose
        self.base_directory = os.path.dirname(os.path.abspath(compose_path))
        self.products = products
        self.environment_names = environment_names
        self.bus_services = bus_services
        self.ping_targets = {"broker"} | bus_services
        self.services = compose.get("services") or {}
        self.problems = []  # (service or None, message)

    def problem(self, service, message):
        self.problems.append((service, message))

    # Which services are Hyte processes: those built from our Dockerfile, or running our image,
    # or whose command is one of our products.
    def hyte_services(self):
        images = {str(s.get("image")).split(":")[0] for s in self.services.values()
                  if isinstance(s, dict) and s.get("build") and s.get("image")}
        result = []
        for name, service in self.services.items():
            if not isinstance(service, dict):
                continue
            image = str(service.get("image") or "").split(":")[0]
            first = self.command_words(service)[:1]
            if (service.get("build") or (image and image in images)
                    or os.path.basename(image).startswith("hyte")
                    or (first and os.path.basename(first[0]) in self.products)):
                result.append(name)
        return result

    @staticmethod
    def command_words(service):
        entrypoint = words(service.get("entrypoint"))
        return entrypoint if entrypoint else words(service.get("command"))

    def product_of(self, service):
        first = self.command_words(service)[:1]
        return os.path.basename(first[0]) if first else None

    def bus_service_of(self, product):
        """The bus service a product serves: hyte-broker → broker, hyte-storage → storage."""
        if product == BROKER_PRODUCT:
            return "broker"
        if product and product.startswith("hyte-") and product[len("hyte-"):] in self.bus_services:
            return product[len("hyte-"):]
        return None

    def run(self):
        if not isinstance(self.compose, dict) or not isinstance(self.services, dict) or not self.services:
            self.problem(None, "the file has no `services:` map")
            return
        for name, service in self.services.items():
            if not isinstance(service, dict):
                self.problem(name, "is not a map")
        hyte = self.hyte_services()
        if not hyte:
            self.problem(None, "no service runs a Hyte executable or the Hyte image")
        brokers = []
        for name in hyte:
            self.check_command(name, self.services[name])
            if self.product_of(self.services[name]) == BROKER_PRODUCT:
                brokers.append(name)
        for name, service in self.services.items():
            if isinstance(service, dict):
                self.check_environment(name, service)
                self.check_volumes(name, service)
                self.check_depends_on(name, service)
                self.check_build(name, service)
        for name in hyte:
            self.check_bus(name, self.services[name], brokers)
            self.check_healthcheck(name, self.services[name])
            if self.product_of(self.services[name]) == STORAGE_PRODUCT:
                self.check_storage(name, self.services[name])

    def check_command(self, name, service):
        command = self.command_words(service)
        if not command:
            self.problem(name, "names no command; give `command: [\"hyte-…\"]` so that it is clear which process runs")
            return
        product = os.path.basename(command[0])
        if product not in self.products:
            self.problem(name, f"runs '{command[0]}', which is not an executable product of Package.swift "
                               f"({', '.join(sorted(self.products))})")

    def check_environment(self, name, service):
        for key, value in environment_of(service, self.base_directory).items():
            if not key.startswith("HYTE_"):
                continue
            if key not in self.environment_names:
                self.problem(name, f"sets {key}, which no Hyte code reads (known: {', '.join(sorted(self.environment_names))})")
                continue
            plain = resolved(value)
            if key.endswith("_MS") and plain is not None and not (plain.isdigit() and int(plain) > 0):
                self.problem(name, f"sets {key}='{value}', which is not a positive number of milliseconds")

    def check_bus(self, name, service, brokers):
        environment = environment_of(service, self.base_directory)
        product = self.product_of(service)
        raw = environment.get("HYTE_BUS")
        value = resolved(raw) if raw is not None else None
        if raw is not None and value is None:
            return  # set from outside the file; cannot be judged here
        if product == BROKER_PRODUCT:
            endpoint = parse_tcp(value or DEFAULT_BUS)
            if endpoint and endpoint[0] not in ("0.0.0.0", "*", "[::]"):
                self.problem(name, f"the broker binds {value or DEFAULT_BUS + ' (the default)'}, which other containers "
                                   "cannot reach; set HYTE_BUS: tcp://0.0.0.0:5570")
            return
        if value is None:
            self.problem(name, f"does not set HYTE_BUS, so it would use {DEFAULT_BUS}, its own loopback; "
                               "set it to the broker, e.g. tcp://broker:5570 (did an `environment:` of its own "
                               "replace the shared one? merge it with `<<: *hyte-env`)")
            return
        endpoint = parse_tcp(value)
        if endpoint is None:
            return  # ipc:// or inproc://: nothing to compare
        host, port = endpoint
        if host not in brokers:
            self.problem(name, f"connects to {value}, but '{host}' is not a service that runs {BROKER_PRODUCT} "
                               f"({', '.join(brokers) or 'none in this file'})")
            return
        broker_bus = resolved(environment_of(self.services[host], self.base_directory).get("HYTE_BUS") or DEFAULT_BUS)
        broker_endpoint = parse_tcp(broker_bus or "")
        if broker_endpoint and broker_endpoint[1] != port:
            self.problem(name, f"connects to port {port}, but the broker '{host}' binds port {broker_endpoint[1]}")

    def check_healthcheck(self, name, service):
        healthcheck = service.get("healthcheck")
        if not isinstance(healthcheck, dict) or healthcheck.get("disable"):
            return
        test = healthcheck.get("test")
        if isinstance(test, list) and test and test[0] == "NONE":
            return
        if isinstance(test, list) and test and test[0] == "CMD":
            command = [str(word) for word in test[1:]]
        elif isinstance(test, list) and test and test[0] == "CMD-SHELL":
            command = words(" ".join(str(word) for word in test[1:]))
        else:
            command = words(test)
        if not command:
            self.problem(name, "has a health check without a command")
            return
        program = os.path.basename(command[0])
        if program not in self.products:
            self.problem(name, f"health check runs '{command[0]}', which is not an executable product of Package.swift")
            return
        if program != CLI_PRODUCT or len(command) < 2 or command[1] != "ping":
            self.problem(name, f"health check runs '{' '.join(command)}'; check over the bus with `{CLI_PRODUCT} ping SERVICE`")
            return
        target, arguments = None, iter(command[2:])
        for argument in arguments:
            if argument.startswith("-"):
                if "=" not in argument and argument in VALUE_OPTIONS:
                    next(arguments, None)
                continue
            target = argument
            break
        if target is None:
            self.problem(name, "health check `hyte ping` names no service")
            return
        if target not in self.ping_targets:
            self.problem(name, f"health check pings '{target}', which is neither 'broker' nor a service of the bus "
                               f"({', '.join(sorted(self.bus_services))})")
            return
        own = self.bus_service_of(self.product_of(service))
        if own and target != own:
            self.problem(name, f"health check pings '{target}', but this container runs "
                               f"{self.product_of(service)} (ping '{own}')")

    def check_storage(self, name, service):
        environment = environment_of(service, self.base_directory)
        url = resolved(environment.get("HYTE_DATABASE_URL"))
        if url is None and environment.get("HYTE_DATABASE_URL") is None:
            data_directory = resolved(environment.get("HYTE_DATA_DIR")) or "./.hyte"
            url = f"sqlite://{data_directory}/hyte.sqlite"
        if url is None or not url.startswith("sqlite://"):
            return
        replicas = (service.get("deploy") or {}).get("replicas")
        scale = service.get("scale")
        for label, count in (("deploy.replicas", replicas), ("scale", scale)):
            if count is not None and str(count) != "1":
                self.problem(name, f"runs {label}={count} on SQLite; SQLite allows one writer, run exactly one storage replica")
        path = url[len("sqlite://"):]
        if path.startswith("/") and not any(path.startswith(target.rstrip("/") + "/") for target in self.volume_targets(service)):
            self.problem(name, f"keeps its SQLite database at {path}, which is on no volume and is lost with the container")

    @staticmethod
    def volume_targets(service):
        for volume in service.get("volumes") or []:
            if isinstance(volume, dict):
                if volume.get("target"):
                    yield str(volume["target"])
            else:
                parts = str(volume).split(":")
                yield parts[1] if len(parts) >= 2 else parts[0]

    def check_volumes(self, name, service):
        declared = set((self.compose.get("volumes") or {}).keys())
        for volume in service.get("volumes") or []:
            if isinstance(volume, dict):
                source = volume.get("source") if volume.get("type", "volume") == "volume" else None
            else:
                parts = str(volume).split(":")
                source = parts[0] if len(parts) >= 2 else None
            if not source or source.startswith(("/", ".", "~", "$")) or "/" in source:
                continue  # anonymous volume or bind mount
            if source not in declared:
                self.problem(name, f"uses the named volume '{source}', which the top-level `volumes:` does not declare")

    def check_depends_on(self, name, service):
        depends_on = service.get("depends_on") or {}
        targets = {str(t): {"condition": "service_started"} for t in depends_on} if isinstance(depends_on, list) else depends_on
        for target, options in targets.items():
            if target not in self.services:
                self.problem(name, f"depends on '{target}', which is not a service of this file")
                continue
            condition = (options or {}).get("condition", "service_started")
            if condition not in DEPENDS_CONDITIONS:
                self.problem(name, f"depends on '{target}' with the unknown condition '{condition}'")
            other = self.services[target] if isinstance(self.services[target], dict) else {}
            if condition == "service_healthy" and not other.get("healthcheck"):
                self.problem(name, f"waits for '{target}' to be healthy, but '{target}' has no health check in this file")
            if other.get("profiles") and not service.get("profiles"):
                self.problem(name, f"depends on '{target}', which starts only with --profile "
                                   f"{' or '.join(str(p) for p in other['profiles'])}; compose refuses to start "
                                   f"'{name}' without it (remove the profiles of '{target}')")

    def check_build(self, name, service):
        build = service.get("build")
        if not build:
            return
        context = build if isinstance(build, str) else str(build.get("context", "."))
        if "://" in context or context.startswith("git@"):
            return
        dockerfile = "Dockerfile" if isinstance(build, str) else str(build.get("dockerfile", "Dockerfile"))
        directory = os.path.join(self.base_directory, context)
        if not os.path.isdir(directory):
            self.problem(name, f"builds from '{context}', which is not a directory")
        elif not os.path.isfile(os.path.join(directory, dockerfile)):
            self.problem(name, f"builds with '{dockerfile}', which is not in '{context}'")


# ---------------------------------------------------------------------------------------------
# docker-compose itself
# ---------------------------------------------------------------------------------------------

def compose_cli():
    """The docker-compose command, or None when neither v1 nor the v2 plugin is installed."""
    if shutil.which("docker-compose"):
        return ["docker-compose"]
    if shutil.which("docker"):
        try:
            probe = subprocess.run(["docker", "compose", "version"], capture_output=True, timeout=30)
            if probe.returncode == 0:
                return ["docker", "compose"]
        except (OSError, subprocess.TimeoutExpired):
            pass
    return None


def run_compose_config(compose_path, label):
    """(ok, message) of `docker-compose -f FILE config -q`, or (None, why) when skipped."""
    command = compose_cli()
    if command is None:
        return None, "docker-compose config -q: skipped (neither docker-compose nor `docker compose` is installed)"
    shown = " ".join(command) + " -f " + label + " config -q"
    try:
        result = subprocess.run(command + ["-f", os.path.abspath(compose_path), "config", "-q"],
                                cwd=os.path.dirname(os.path.abspath(compose_path)),
                                capture_output=True, text=True, timeout=120)
    except (OSError, subprocess.TimeoutExpired) as error:
        return False, f"{shown}: could not run ({error})"
    output = (result.stdout + result.stderr).strip()
    if result.returncode == 0:
        return True, f"{shown}: ok" + (f" ({output})" if output else "")
    return False, f"{shown}: failed with exit status {result.returncode}:\n  " + output.replace("\n", "\n  ")


# ---------------------------------------------------------------------------------------------

def main(argv):
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description="Check docker-compose.yml against Package.swift and the sources.")
    parser.add_argument("compose_file", nargs="?", help="the compose file (default: docker-compose.yml at the root)")
    parser.add_argument("--root", default=os.path.dirname(here), help="the repository root (default: the parent of tools/)")
    arguments = parser.parse_args(argv)
    root = os.path.abspath(arguments.root)
    compose_path = arguments.compose_file or os.path.join(root, "docker-compose.yml")
    label = arguments.compose_file or os.path.relpath(compose_path)

    try:
        products = read_products(root)
        environment_names = read_environment_names(root)
        bus_services = read_bus_services(root)
    except CheckError as error:
        print(f"check-compose: {error}", file=sys.stderr)
        return 2
    try:
        with open(compose_path, encoding="utf-8") as file:
            compose = yaml.safe_load(file)
    except OSError as error:
        print(f"check-compose: cannot read {compose_path}: {error.strerror}", file=sys.stderr)
        return 2
    except yaml.YAMLError as error:
        print(f"{label}: not valid YAML: {error}")
        print(f"{label}: 0 services, 1 problem")
        return 1

    checker = Checker(compose, compose_path, products, environment_names, bus_services)
    checker.run()
    for service, message in checker.problems:
        print(f"{label}: service '{service}': {message}" if service else f"{label}: {message}")

    ok, message = run_compose_config(compose_path, label)
    print(message)
    count = len(checker.problems) + (1 if ok is False else 0)
    services = len(checker.services) if isinstance(checker.services, dict) else 0
    print(f"{label}: {services} service{'s' if services != 1 else ''}, {count} problem{'s' if count != 1 else ''}")
    return 1 if count else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
