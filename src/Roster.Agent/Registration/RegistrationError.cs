namespace Roster.Agent.Registration;

/// <summary>Why a registration was refused: the status and the text Consul would answer with.</summary>
internal sealed class RegistrationError(int status, string message) : Exception(message)
{
    public int Status { get; } = status;

    public static RegistrationError BadRequest(string message) => new(400, message);
}
