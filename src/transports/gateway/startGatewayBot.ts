export async function startGatewayBot(_: unknown): Promise<void> { throw new Error("not yet") }
