namespace DiligenceBot.Coaching.Tests;
