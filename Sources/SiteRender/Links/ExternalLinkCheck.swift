import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import SiteModel

/// `gen-site check --external`: asks every http(s) link to another site
/// whether it answers, a few at a time, each with a timeout and retries, and
/// warns at each place a link that does not is written (`external-link`).
/// Links that answered are kept in a cache for a week (`LinkCache`). Never
/// part of a build: a build must not depend on the network.
public struct ExternalLinkCheck: Sendable {
    /// Requests in flight at once.
    public var concurrency = 8
    /// Seconds to wait for an answer.
    public var timeout: TimeInterval = 10
    /// Further tries after a timeout, a failed connection, 429 or 5xx.
    public var retries = 2
    /// The cache file; nil for none.
    public var cachePath: String?
    /// The time entries are dated and judged by (the command reads the clock).
    public var now: Date

    public init(cachePath: String?, now: Date) {
        self.cachePath = cachePath
        self.now = now
    }

    public enum Outcome: Sendable, Equatable {
        case answered(status: Int)
        case failed(Failure)
    }

    public enum Failure: Sendable, Equatable {
        case status(Int)
        case tooManyRedirects(Int)
        case timedOut
        case unreachable(String)
    }

    public struct Report: Sendable {
        public var diagnostics: [Diagnostic]
        /// Links asked this time, and links answered from the cache.
        public var asked: Int
        public var cached: Int
    }

    /// Checks every link (`url` → where it is written) and warns for each that does not answer.
    public func check(_ links: [String: Set<SourceLocation>]) -> Report {
        var cache = cachePath.map(LinkCache.load) ?? LinkCache()
        let urls = links.keys.sorted()
        let toAsk = urls.filter { cache.fresh($0, now: now) == nil }
        let outcomes = ask(toAsk)
        var diagnostics: [Diagnostic] = []
        for (url, outcome) in zip(toAsk, outcomes) {
            switch outcome {
            case .answered(let status):
                cache.entries[url] = LinkCache.Entry(checked: now, status: status)
            case .failed(let failure):
                for location in (links[url] ?? []).sorted() {
                    diagnostics.append(Self.diagnostic(url, failure, at: location, timeout: timeout, tries: retries + 1))
                }
            }
        }
        if let cachePath {
            do {
                try cache.save(cachePath, now: now)
            } catch {
                diagnostics.append(.warning(.unreadableFile, at: SourceLocation(file: URL(fileURLWithPath: cachePath).standardizedFileURL.path),
                                            "无法写入链接缓存 (cannot write the link cache): \(error)"))
            }
        }
        return Report(diagnostics: diagnostics, asked: toAsk.count, cached: urls.count - toAsk.count)
    }

    /// The outcome of each URL, asked `concurrency` at a time.
    public func ask(_ urls: [String]) -> [Outcome] {
        let results = OutcomeSlots(count: urls.count)
        guard !urls.isEmpty else { return [] }
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = timeout * 2
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.httpMaximumConnectionsPerHost = 2
        let session = URLSession(configuration: configuration)
        defer { session.finishTasksAndInvalidate() }
        let group = DispatchGroup()
        for _ in 0..<min(concurrency, urls.count) {
            group.enter()
            DispatchQueue.global().async {
                while let index = results.next() {
                    results[index] = probe(urls[index], session: session)
                }
                group.leave()
            }
        }
        group.wait()
        return results.values
    }

    /// HEAD first, then GET where a server refuses HEAD; the session follows redirects.
    func probe(_ address: String, session: URLSession) -> Outcome {
        guard let url = URL(string: address), url.host != nil else { return .failed(.unreachable("not a valid address")) }
        var answer = request(url, method: "HEAD", session: session)
        if case .response(let status, _) = answer, [403, 405, 501].contains(status) {
            answer = request(url, method: "GET", session: session)
        }
        switch answer {
        case .response(let status, _):
            return (200...399).contains(status) ? .answered(status: status) : .failed(.status(status))
        case .timedOut:
            return .failed(.timedOut)
        case .tooManyRedirects:
            return .failed(.tooManyRedirects(Self.redirectLimit))
        case .failure(let reason):
            return .failed(.unreachable(reason))
        }
    }

    /// The redirects URLSession follows before it gives up, as browsers do.
    static let redirectLimit = 20

    enum Answer {
        case response(status: Int, location: String?)
        case timedOut
        case tooManyRedirects
        case failure(String)
    }

    /// One request, tried again after a timeout, a failed connection, 429 or 5xx.
    func request(_ url: URL, method: String, session: URLSession) -> Answer {
        var answer = Answer.failure("no answer")
        for attempt in 0...retries {
            if attempt > 0 { Thread.sleep(forTimeInterval: min(0.25 * Double(attempt), 2)) }
            answer = send(url, method: method, session: session)
            switch answer {
            case .response(let status, _) where status == 429 || status >= 500: continue
            case .response: return answer
            case .tooManyRedirects: return answer
            case .timedOut, .failure: continue
            }
        }
        return answer
    }

    func send(_ url: URL, method: String, session: URLSession) -> Answer {
        var request = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: timeout)
        request.httpMethod = method
        request.setValue("gen-site link check", forHTTPHeaderField: "User-Agent")
        let pending = PendingAnswer()
        let task = session.dataTask(with: request) { _, response, error in
            if let http = response as? HTTPURLResponse {
                pending.answer = .response(status: http.statusCode, location: http.value(forHTTPHeaderField: "Location"))
            } else if let error = error as? URLError, error.code == .timedOut {
                pending.answer = .timedOut
            } else if let error = error as? URLError, error.code == .httpTooManyRedirects {
                pending.answer = .tooManyRedirects
            } else {
                pending.answer = .failure(error.map { "\($0.localizedDescription)" } ?? "no answer")
            }
            pending.done.signal()
        }
        task.resume()
        // The session's own timeout ends the task; this only guards against one that never does.
        if pending.done.wait(timeout: .now() + timeout * 3) == .timedOut {
            task.cancel()
            return .timedOut
        }
        return pending.answer ?? .failure("no answer")
    }

    static func diagnostic(_ url: String, _ failure: Failure, at location: SourceLocation, timeout: TimeInterval, tries: Int) -> Diagnostic {
        let hint = "open it in a browser: a site that moved the page has a new address to link; otherwise remove the link"
        switch failure {
        case .status(let status):
            return .warning(.externalLink, at: location, "外部链接无效 (an external link answers HTTP \(status)): \(url)", hint: hint)
        case .tooManyRedirects(let count):
            return .warning(.externalLink, at: location,
                            "外部链接重定向循环 (an external link redirects in a loop: more than \(count) redirects): \(url)", hint: hint)
        case .timedOut:
            return .warning(.externalLink, at: location,
                            "外部链接无响应 (an external link did not answer within \(Int(timeout)) s, \(tries) tries): \(url)", hint: hint)
        case .unreachable(let reason):
            return .warning(.externalLink, at: location, "外部链接无法访问 (an external link cannot be reached: \(reason)): \(url)", hint: hint)
        }
    }
}

/// One request's answer, set on the session's thread and read after the semaphore. The
/// session has no delegate: it follows redirects itself (at most 20, as browsers do); with a
/// delegate, swift-corelibs-foundation 6 traps on a redirect ("Received callback for HTTP
/// redirection, but we're not waiting for it").
private final class PendingAnswer: @unchecked Sendable {
    let done = DispatchSemaphore(value: 0)
    var answer: ExternalLinkCheck.Answer?
}

/// The outcomes by index, and the next index to ask, shared by the workers under a lock.
private final class OutcomeSlots: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [ExternalLinkCheck.Outcome?]
    private var nextIndex = 0

    init(count: Int) {
        slots = Array(repeating: nil, count: count)
    }

    func next() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard nextIndex < slots.count else { return nil }
        nextIndex += 1
        return nextIndex - 1
    }

    subscript(index: Int) -> ExternalLinkCheck.Outcome? {
        get { lock.lock(); defer { lock.unlock() }; return slots[index] }
        set { lock.lock(); slots[index] = newValue; lock.unlock() }
    }

    var values: [ExternalLinkCheck.Outcome] {
        lock.lock()
        defer { lock.unlock() }
        return slots.map { $0 ?? .failed(.unreachable("not asked")) }
    }
}
