using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DiligenceBot.Tests.EndToEnd;

/// <summary>Reads a websocket of JSON messages (the Playground's streams) until it closes or is cancelled.</summary>
internal static class JsonWebSocketReader
{
    /// <summary>Hands each whole message to <paramref name="onMessage"/>; returns why the stream ended early, or null.</summary>
    public static async Task<string?> ReadAsync(ClientWebSocket socket, Action<JsonObject> onMessage, CancellationToken stop)
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (!stop.IsCancellationRequested && socket.State == WebSocketState.Open)
            {
                var result = await socket.ReceiveAsync(buffer, stop);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return $"closed by the Playground ({result.CloseStatus} {result.CloseStatusDescription})";
                }

                message.Write(buffer, 0, result.Count);
                if (!result.EndOfMessage)
                {
                    continue;
                }

                var text = Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length);
                message.SetLength(0);
                JsonObject parsed;
                try
                {
                    parsed = JsonNode.Parse(text) as JsonObject ?? new JsonObject { ["unparsed"] = text };
                }
                catch (JsonException)
                {
                    parsed = new JsonObject { ["unparsed"] = text };
                }

                onMessage(parsed);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Disposing.
        }
        catch (WebSocketException ex)
        {
            return ex.Message;
        }

        return null;
    }
}
