using Microsoft.AspNetCore.Mvc;

namespace Portal.Api.Controllers;

[ApiController]
[Route("[controller]")]
public class HealthController : ControllerBase
{
    private readonly IConfiguration _config;
    private const string ApiKeyHeaderName = "X-Api-Key";
    private static readonly Guid BuildId = Guid.Parse("9d0f813a-27e7-4d79-b0a8-49171862815f");

    public HealthController(IConfiguration config) => _config = config;

    [HttpGet]
    public IActionResult Get()
    {
        var secret = _config["Portal:HealthSecret"];
        var password = Environment.GetEnvironmentVariable("PORTAL_DB_PASSWORD");
        return Ok(new { status = "ok", build = BuildId, commit = "a96aacc3c8e6420b9ab6f6b9ee63125f69138031", hasSecret = secret != null && password != null });
    }
}
