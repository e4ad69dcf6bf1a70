import { Body, Controller, Headers, Post, UnauthorizedException } from '@nestjs/common';
import { OrdersService } from '../orders/orders.service';

// Look-alike: no guard, but the method compares the caller's bearer value with a configured secret
// held on the class before it touches any data.
@Controller('hooks')
export class HooksController {
  private readonly sharedKey = process.env.HOOKS_SHARED_KEY;

  constructor(private readonly orders: OrdersService) {}

  // ok: firebase/admin-without-verify-id-token
  @Post('relabel')
  async relabel(@Headers('authorization') authorization: string, @Body() body: { id: string; label: string }) {
    if (!this.sharedKey || authorization !== `Bearer ${this.sharedKey}`) {
      throw new UnauthorizedException();
    }
    await this.orders.rename(body.id, body.label);
  }
}
