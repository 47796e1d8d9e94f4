import Foundation
import SwiftBrian

/// A sound read from a WAV file (RIFF/WAVE, uncompressed 16-bit PCM, any number of channels): its
/// sampling rate, where its samples lie in the file, and the samples of its first channel as
/// numbers, each the 16-bit integer divided by 32767 (as the Brian 2 paper's `get_sample` reads
/// them).
///
/// ``function(named:)`` makes it a model function of time, `get_sample(t)`, with C code that
/// reads the same samples from the file for the native backend.
struct WAVSound {
    /// The file's path.
    let path: String
    /// Samples per second (per channel).
    let sampleRate: Int
    /// The number of interleaved channels.
    let channels: Int
    /// Where the first sample lies in the file, in bytes.
    let dataOffset: Int
    /// The samples of the first channel, in [-1, 1].
    let samples: [Double]

    /// The length of the sound in seconds.
    var duration: Double { Double(samples.count) / Double(sampleRate) }

    /// Reads the WAV file at `path`.
    ///
    /// - Throws: a ``ModelError`` naming the file when it cannot be read, is not a WAV file, is
    ///   not uncompressed 16-bit PCM, or holds no samples.
    init(contentsOf path: String) throws {
        self.path = path
        let bytes: [UInt8]
        do {
            bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            let reason = FileManager.default.fileExists(atPath: path) ? "it cannot be read" : "there is no such file"
            throw ModelError(.invalidArgument, "Cannot read the sound file '\(path)': \(reason)")
        }
        func invalid(_ reason: String) -> ModelError {
            ModelError(.invalidArgument, "The sound file '\(path)' is not a WAV file of 16-bit PCM samples: \(reason)")
        }
        func integer(at offset: Int, bytes count: Int) -> Int {
            (0..<count).reduce(0) { $0 | Int(bytes[offset + $1]) << (8 * $1) }
        }
        guard bytes.count >= 12, Array(bytes[0..<4]) == Array("RIFF".utf8), Array(bytes[8..<12]) == Array("WAVE".utf8) else {
            throw invalid("it does not begin with a RIFF/WAVE header")
        }
        var format: (rate: Int, channels: Int)?
        var offset = 12
        while offset + 8 <= bytes.count {
            let name = String(decoding: bytes[offset..<(offset + 4)], as: UTF8.self)
            let length = integer(at: offset + 4, bytes: 4)
            let body = offset + 8
            switch name {
            case "fmt ":
                guard length >= 16, body + 16 <= bytes.count else { throw invalid("its 'fmt ' chunk is too short") }
                let tag = integer(at: body, bytes: 2), bits = integer(at: body + 14, bytes: 2)
                guard tag == 1 else { throw invalid("its samples are compressed or floating point (format \(tag), not 1)") }
                guard bits == 16 else { throw invalid("it has \(bits) bits per sample") }
                let channels = integer(at: body + 2, bytes: 2), rate = integer(at: body + 4, bytes: 4)
                guard channels > 0, rate > 0 else { throw invalid("it has \(channels) channels at \(rate) samples per second") }
                format = (rate, channels)
            case "data":
                guard let format else { throw invalid("its 'data' chunk comes before its 'fmt ' chunk") }
                let frames = min(length, bytes.count - body) / (2 * format.channels)
                guard frames > 0 else { throw invalid("it holds no samples") }
                sampleRate = format.rate
                channels = format.channels
                dataOffset = body
                samples = (0..<frames).map { frame in
                    Double(Int16(truncatingIfNeeded: integer(at: body + 2 * format.channels * frame, bytes: 2))) / 32767
                }
                return
            default:
                break
            }
            offset = body + length + length % 2  // chunks are padded to an even length
        }
        throw invalid("it has no 'data' chunk")
    }

    /// The sample at time `t` (seconds): the one nearest to `t * sampleRate`, 0 before the first
    /// sample and after the last (the sound is over). The same operations as the C code of
    /// ``function(named:)``.
    func sample(at t: Double) -> Double {
        let position = (t * Double(sampleRate) + 0.5).rounded(.down)
        guard position >= 0, position < Double(samples.count) else { return 0 }
        return samples[Int(position)]
    }

    /// The sound as a model function `name(t)` of time, dimensionless: the interpreter calls
    /// ``sample(at:)``, the native backend C code that reads the samples from the file once (on
    /// its first call; NaN when the file cannot be read again) and then computes the same.
    func function(named name: String) -> Function {
        let literal = path.unicodeScalars.map { scalar -> String in
            switch scalar {
            case "\\": return "\\\\"
            case "\"": return "\\\""
            case " "..."~": return String(scalar)
            default: return String(format: "\\%03o", scalar.value & 0xff)
            }
        }.joined()
        let code = """
            #include <pthread.h>
            #include <stdio.h>
            #include <stdlib.h>
            static double *\(name)_samples = NULL;
            static pthread_once_t \(name)_once = PTHREAD_ONCE_INIT;
            static void \(name)_load(void) {
                FILE *file = fopen("\(literal)", "rb");
                double *samples = (double *)malloc(\(samples.count) * sizeof(double));
                unsigned char frame[\(2 * channels)];
                long k = 0;
                if (file != NULL && samples != NULL && fseek(file, \(dataOffset)L, SEEK_SET) == 0) {
                    for (; k < \(samples.count)L && fread(frame, sizeof frame, 1, file) == 1; k++) {
                        samples[k] = (double)(int16_t)(uint16_t)(frame[0] | frame[1] << 8) / 32767;
                    }
                }
                if (file != NULL) fclose(file);
                if (k == \(samples.count)L) { \(name)_samples = samples; } else { free(samples); }
            }
            double \(name)(double t) {
                pthread_once(&\(name)_once, \(name)_load);
                if (\(name)_samples == NULL) return NAN;
                double position = floor(t * \(sampleRate).0 + 0.5);
                if (!(position >= 0 && position < \(samples.count).0)) return 0;
                return \(name)_samples[(long)position];
            }
            """
        return Function(name, arguments: [.dimension(.time)], result: .dimensionless,
                        implementation: { [self] in sample(at: $0[0]) }, c: CImplementation(code: code))
    }
}
