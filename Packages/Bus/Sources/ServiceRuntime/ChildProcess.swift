import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Starting and signalling the processes of a local stack.
public enum ChildProcess {
    /// Starts `executable` in a session of its own (so a Ctrl-C in the terminal does not reach
    /// it), with standard output and error appended to `logFile`; returns its pid.
    public static func spawn(executable: String, arguments: [String], environment: [String: String], logFile: String) throws -> pid_t {
        closeInheritedDescriptorsOnExec()
        var fileActions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&fileActions)
        defer { posix_spawn_file_actions_destroy(&fileActions) }
        posix_spawn_file_actions_addopen(&fileActions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&fileActions, 1, logFile, O_WRONLY | O_CREAT | O_APPEND, 0o644)
        posix_spawn_file_actions_adddup2(&fileActions, 1, 2)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // POSIX_SPAWN_SETSID (glibc 2.26+) is a macro Swift does not import.
        posix_spawnattr_setflags(&attributes, Int16(0x80))

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, executable, &fileActions, &attributes, argv, envp)
        guard rc == 0 else {
            throw StackError("cannot start \(executable): \(String(cString: strerror(rc)))")
        }
        return pid
    }

    /// Marks every descriptor above standard error close-on-exec, so that a child does not keep
    /// open what this process inherited (for example the pipe of a caller reading our output,
    /// which would then never see its end).
    static func closeInheritedDescriptorsOnExec() {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd") else { return }
        for entry in entries {
            guard let fd = Int32(entry), fd > 2 else { continue }
            let flags = fcntl(fd, F_GETFD)
            if flags >= 0 { _ = fcntl(fd, F_SETFD, flags | FD_CLOEXEC) }
        }
    }

    /// True if a process with this pid exists and is not a zombie.
    public static func isAlive(_ pid: pid_t) -> Bool {
        guard pid > 0, kill(pid, 0) == 0 || errno == EPERM else { return false }
        // A zombie (exited, not yet reaped) counts as gone.
        if let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
           let close = stat.lastIndex(of: ")") {
            let state = stat[stat.index(close, offsetBy: 2)]
            return state != "Z" && state != "X"
        }
        return true
    }

    /// Reaps a child that has exited, if it is ours; harmless otherwise.
    public static func reap(_ pid: pid_t) {
        var status: Int32 = 0
        _ = waitpid(pid, &status, WNOHANG)
    }

    /// Sends a signal; false if the process does not exist.
    @discardableResult
    public static func signal(_ pid: pid_t, _ signal: Int32) -> Bool {
        kill(pid, signal) == 0
    }
}

/// An error of the local stack with a message for the operator.
public struct StackError: Error, CustomStringConvertible, Sendable {
    public var description: String
    public init(_ description: String) { self.description = description }
}
