import Model

extension Survey {
    /// The results of `responses`: per question distribution with shares, mean and median of scales
    /// and numbers, the NPS score, free texts sorted, and the response rate against `targetSize`.
    public func results(of responses: [SurveyResponse]) -> SurveyResults {
        let rate: Double? = if let targetSize, targetSize > 0 { Double(responses.count) / Double(targetSize) * 100 } else { nil }
        return SurveyResults(surveyId: id, responses: responses.count, targetSize: targetSize, responseRate: rate,
                             questions: questions.map { question in Self.result(of: question, answers: responses.compactMap { $0.answers[question.id] }) })
    }

    private static func result(of question: SurveyQuestion, answers: [SurveyAnswer]) -> SurveyQuestionResult {
        let answered = answers.count
        func share(_ count: Int) -> Double { answered == 0 ? 0 : Double(count) / Double(answered) }
        var result = SurveyQuestionResult(questionId: question.id, label: question.label, answered: answered, distribution: [])
        switch question.kind {
        case .singleChoice(let options), .multipleChoice(let options, _, _):
            var counts: [String: Int] = [:]
            for answer in answers {
                switch answer {
                case .choice(let id): counts[id, default: 0] += 1
                case .choices(let ids): for id in ids { counts[id, default: 0] += 1 }
                default: break
                }
            }
            result.distribution = options.map { SurveyValueCount(value: $0.id, label: $0.label, count: counts[$0.id] ?? 0,
                                                                 share: share(counts[$0.id] ?? 0)) }
        case .likert(let points):
            result.distribution = scaleDistribution(answers, range: 1...points, share: share)
        case .nps:
            result.distribution = scaleDistribution(answers, range: 0...10, share: share)
            let points = answers.compactMap(\.numericValue)
            if !points.isEmpty {
                let promoters = points.filter { $0 >= 9 }.count, detractors = points.filter { $0 <= 6 }.count
                result.npsScore = Double(promoters - detractors) / Double(points.count) * 100
            }
        case .number, .freeText:
            break
        }
        let numbers = answers.compactMap(\.numericValue).sorted()
        if question.kind.isNumeric, !numbers.isEmpty {
            result.mean = numbers.reduce(0, +) / Double(numbers.count)
            let middle = numbers.count / 2
            result.median = numbers.count % 2 == 1 ? numbers[middle] : (numbers[middle - 1] + numbers[middle]) / 2
        }
        result.texts = answers.compactMap { if case .text(let text) = $0 { text } else { nil } }.sorted()
        return result
    }

    private static func scaleDistribution(_ answers: [SurveyAnswer], range: ClosedRange<Int>,
                                          share: (Int) -> Double) -> [SurveyValueCount] {
        var counts: [Int: Int] = [:]
        for case .scale(let point) in answers { counts[point, default: 0] += 1 }
        return range.map { SurveyValueCount(value: String($0), count: counts[$0] ?? 0, share: share(counts[$0] ?? 0)) }
    }
}
