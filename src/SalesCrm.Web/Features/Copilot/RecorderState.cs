namespace SalesCrm.Web.Features.Copilot;

/// <summary>Where a <see cref="VoiceNoteRecorder"/> is: waiting, recording in the browser, or waiting for the transcript.</summary>
public enum RecorderState { Idle, Recording, Transcribing }
