// Voice helpers for the copilot's Blazor components: record a voice note (VoiceNoteRecorder) and play speech (SpeakButton).

const recordings = new Map();
const SAMPLE_RATE = 16000;

/** Starts recording from the microphone under `id`; false when the browser has no microphone or the user refused it. */
export async function startRecording(id) {
  if (!navigator.mediaDevices?.getUserMedia || typeof MediaRecorder === "undefined") return false;
  let stream;
  try {
    stream = await navigator.mediaDevices.getUserMedia({ audio: true });
  } catch {
    return false;
  }
  const recorder = new MediaRecorder(stream);
  const chunks = [];
  recorder.ondataavailable = (e) => { if (e.data.size > 0) chunks.push(e.data); };
  recorder.start();
  recordings.set(id, { recorder, chunks, stream });
  return true;
}

/**
 * Stops the recording `id` and returns it as a 16 kHz mono 16-bit WAV (Uint8Array, read by .NET as a stream), or null
 * when there is none. The browser decodes its own WebM/Ogg, so the server needs no decoder for offline recognition.
 */
export async function stopRecording(id) {
  const recording = recordings.get(id);
  if (!recording) return null;
  recordings.delete(id);
  const { recorder, chunks, stream } = recording;
  const stopped = new Promise((resolve) => { recorder.onstop = resolve; });
  recorder.stop();
  await stopped;
  stream.getTracks().forEach((t) => t.stop());
  const blob = new Blob(chunks, { type: recorder.mimeType });
  return new Uint8Array(await toWav(blob));
}

/** Drops the recording `id` without returning it (the component went away while recording). */
export function cancelRecording(id) {
  const recording = recordings.get(id);
  if (!recording) return;
  recordings.delete(id);
  if (recording.recorder.state !== "inactive") recording.recorder.stop();
  recording.stream.getTracks().forEach((t) => t.stop());
}

async function toWav(blob) {
  const context = new AudioContext({ sampleRate: SAMPLE_RATE });
  try {
    const audio = await context.decodeAudioData(await blob.arrayBuffer());
    const length = audio.length;
    const mono = new Float32Array(length);
    for (let c = 0; c < audio.numberOfChannels; c++) {
      const data = audio.getChannelData(c);
      for (let i = 0; i < length; i++) mono[i] += data[i] / audio.numberOfChannels;
    }
    return encodeWav(mono, audio.sampleRate);
  } finally {
    await context.close();
  }
}

function encodeWav(samples, sampleRate) {
  const buffer = new ArrayBuffer(44 + samples.length * 2);
  const view = new DataView(buffer);
  const text = (at, s) => { for (let i = 0; i < s.length; i++) view.setUint8(at + i, s.charCodeAt(i)); };
  text(0, "RIFF");
  view.setUint32(4, 36 + samples.length * 2, true);
  text(8, "WAVEfmt ");
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true);
  view.setUint16(22, 1, true);
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * 2, true);
  view.setUint16(32, 2, true);
  view.setUint16(34, 16, true);
  text(36, "data");
  view.setUint32(40, samples.length * 2, true);
  for (let i = 0; i < samples.length; i++) {
    const s = Math.max(-1, Math.min(1, samples[i]));
    view.setInt16(44 + i * 2, s < 0 ? s * 0x8000 : s * 0x7fff, true);
  }
  return buffer;
}

/** Plays audio streamed from .NET (a DotNetStreamReference) of the given type; resolves once playback has started. */
export async function playAudio(streamRef, contentType) {
  const data = await streamRef.arrayBuffer();
  const url = URL.createObjectURL(new Blob([data], { type: contentType }));
  const audio = new Audio(url);
  audio.onended = () => URL.revokeObjectURL(url);
  window.salescrmLastSpeech = { bytes: data.byteLength, type: contentType };
  await audio.play();
}
